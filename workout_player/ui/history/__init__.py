"""The history screen: the sessions, one session (detail, summary, feedback), progress charts."""
