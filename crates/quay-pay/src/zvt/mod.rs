//! ZVT over a serial line. (in progress)
