"""Drawing code for the bundled demonstration media (maintainer tool, see scripts/README.md)."""
