//! A ZVT card terminal on a pseudo-terminal pair. (in progress)
