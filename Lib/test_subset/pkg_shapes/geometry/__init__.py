from .constants import PI as pi_value
from ..square import Square
