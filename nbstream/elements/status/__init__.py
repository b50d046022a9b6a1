"""Status elements: alerts (success, info, warning, error, exception) and live status
(progress, spinner, status, toast, balloons, snow)."""
