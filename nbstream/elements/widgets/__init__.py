"""Input widgets: buttons, choices, numbers and sliders, text, dates and times."""
