"""What needs many articles: actors across articles, and later stories and timelines."""
