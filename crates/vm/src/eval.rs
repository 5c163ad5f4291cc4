//! The eval loop. (H3)
