//! PDF documents (work in progress).
