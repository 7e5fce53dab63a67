"""lomba: one innovation written once, tailored documents for every competition it enters."""

__version__ = "0.1.0"
