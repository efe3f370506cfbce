"""What the help center says, in Indonesian (the default) and English: one catalog mechanism."""
