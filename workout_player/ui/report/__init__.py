"""The report for the physiotherapist drawn into a PDF (QPdfWriter, QtCharts)."""
