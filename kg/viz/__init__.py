"""Visualisation: the graph as an interactive, offline HTML page."""

from kg.viz.graph import store_to_networkx, write_html

__all__ = ["store_to_networkx", "write_html"]
