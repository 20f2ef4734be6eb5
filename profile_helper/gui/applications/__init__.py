"""The Applications page: table, board, statistics and the detail of one application."""
