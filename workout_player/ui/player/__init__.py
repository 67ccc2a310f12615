"""The player screen: the session controller, the screen and its widgets, the finished page."""
