"""The library screen: the list of workouts (model, background loader) and the workout page."""
