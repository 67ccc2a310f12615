"""The Checks screen: self-check results, their norms, ratios and trends."""
