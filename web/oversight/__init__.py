"""The oversight read model: facets of the log, statistics, charts, reviews and exports.

The pages that show them are in `web.http.oversight`."""
