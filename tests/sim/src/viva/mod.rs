//! Viva classic API simulator. (in progress)
