"""One way to write findings out: catalogue problems, freshness concerns and link results.

``formats`` makes text safe for each place a report puts it (a Markdown table cell
or code span, a GitHub workflow command, a spreadsheet cell) and shows file paths
relative to the project; ``rows`` holds the severity and the row protocol that
:class:`generator.problems.Problem` satisfies; ``render`` writes rows as one line
each (``short``), like a compiler (``text``), as GitHub annotations (``github``),
as Markdown tables (``markdown``) and as JSON (``json``); ``html`` writes them as the
page the preview shows while the catalogue has errors. ``generator.reporting``
(problems), ``generator.validate.freshness_report`` (``tarjotin report``) and
``generator.check.reports`` (``tarjotin links``) write through them.

Imports nothing of the pipeline but the message catalogue, so every stage may use it.
"""
