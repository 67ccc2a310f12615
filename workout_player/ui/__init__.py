"""Qt widgets and windows: thin, they show state and forward intent."""
