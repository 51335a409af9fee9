"""Domain core: the report template, values, checks and exports. Imports no Qt."""
