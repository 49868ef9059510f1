"""What every stage may use: atomic writes, shipped resources, the font table."""
