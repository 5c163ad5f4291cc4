//! Shared memory for `multiprocessing` (Value, Array, Lock, RLock, Semaphore, Event) and the
//! adoption of file descriptors received from another process. This is the only module of
//! `multiprocessing` with `unsafe` code.
//!
//! A [`Region`] is a small file, created under `/dev/shm` (or the temp directory) and unlinked
//! at once, sized once, and mapped shared (`MAP_SHARED`) by every gilvm process that holds its
//! descriptor (passed to workers with `SCM_RIGHTS`). The region is an array of 8-byte words that
//! are only ever read and written through atomics.
//!
//! # Invariants
//!
//! 1. The mapping lives as long as the `Region` (it owns the `MmapRaw`), and every reference
//!    handed out borrows the `Region`, so no reference outlives the mapping.
//! 2. The file is never shrunk: it is sized once by its creator before anyone maps it, it has no
//!    name (unlinked right after creation), and gilvm never truncates it; so every mapped byte
//!    stays backed and no access can fault with SIGBUS.
//! 3. Offsets are checked: [`Region::word`] and [`Region::word32`] assert that the access is in
//!    bounds and naturally aligned (the mapping itself is page aligned).
//! 4. Other processes write the same bytes concurrently, so this module never creates a plain
//!    (`&`/`&mut`) reference to shared bytes: only `&AtomicU64` / `&AtomicU32`, whose
//!    operations are defined for concurrent access from any process mapping the same page.
//! 5. [`adopt_fd`] is called only on a descriptor the kernel has just installed in this process
//!    through `recvmsg` (SCM_RIGHTS): no other owner exists, so wrapping it in an `OwnedFd`
//!    (closed on drop) is the sole ownership.

use std::fs::File;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicU32, AtomicU64};

use memmap2::MmapRaw;

/// A mapped shared-memory region of `len` bytes (a multiple of 8).
pub struct Region {
    file: File,
    map: MmapRaw,
    len: usize,
}

impl std::fmt::Debug for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Region({} bytes)", self.len)
    }
}

impl Region {
    /// A new zero-filled region of at least `len` bytes.
    pub fn create(len: usize) -> std::io::Result<Region> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let len = len.max(8).div_ceil(8) * 8;
        let dir = if std::path::Path::new("/dev/shm").is_dir() {
            std::path::PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("gilvm-mp-{}-{n}", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        // Invariant 2: no name from now on, and sized before anyone maps it.
        let _ = std::fs::remove_file(&path);
        file.set_len(len as u64)?;
        Region::map(file, len)
    }

    /// Map a region received from another process (its creator sized it to `len`).
    pub fn open(fd: OwnedFd, len: usize) -> std::io::Result<Region> {
        let file = File::from(fd);
        let actual = file.metadata()?.len() as usize;
        if actual < len || !len.is_multiple_of(8) {
            return Err(std::io::Error::other(
                "shared memory region has the wrong size",
            ));
        }
        Region::map(file, len)
    }

    fn map(file: File, len: usize) -> std::io::Result<Region> {
        let map = memmap2::MmapOptions::new().len(len).map_raw(&file)?;
        Ok(Region { file, map, len })
    }

    /// The size in bytes.
    pub fn size(&self) -> usize {
        self.len
    }

    /// The file behind the region (to pass its descriptor to a worker).
    pub fn file(&self) -> &File {
        &self.file
    }

    /// The 8-byte word at byte `offset`.
    pub fn word(&self, offset: usize) -> &AtomicU64 {
        assert!(
            offset.is_multiple_of(8) && offset + 8 <= self.len,
            "shm offset {offset}"
        );
        // SAFETY: in bounds and aligned (invariant 3), backed for the life of `self` (1, 2), and
        // only ever accessed atomically (4).
        unsafe { &*(self.map.as_mut_ptr().add(offset) as *const AtomicU64) }
    }

    /// The 4-byte word at byte `offset`.
    pub fn word32(&self, offset: usize) -> &AtomicU32 {
        assert!(
            offset.is_multiple_of(4) && offset + 4 <= self.len,
            "shm offset {offset}"
        );
        // SAFETY: as for `word`.
        unsafe { &*(self.map.as_mut_ptr().add(offset) as *const AtomicU32) }
    }
}

/// Take ownership of a descriptor just received with SCM_RIGHTS (invariant 5).
pub fn adopt_fd(fd: RawFd) -> OwnedFd {
    // SAFETY: invariant 5: the kernel installed `fd` in this process for us alone.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;
    use std::sync::atomic::Ordering;

    #[test]
    fn two_mappings_share_their_words() {
        let a = Region::create(20).unwrap();
        assert_eq!(a.size(), 24);
        let fd = a.file().as_fd().try_clone_to_owned().unwrap();
        let b = Region::open(fd, 24).unwrap();
        a.word(16).store(0xdead_beef, Ordering::Release);
        assert_eq!(b.word(16).load(Ordering::Acquire), 0xdead_beef);
        b.word32(4).fetch_add(3, Ordering::AcqRel);
        assert_eq!(a.word32(4).load(Ordering::Acquire), 3);
    }

    #[test]
    fn a_region_is_refused_when_too_small() {
        let a = Region::create(8).unwrap();
        let fd = a.file().as_fd().try_clone_to_owned().unwrap();
        assert!(Region::open(fd, 64).is_err());
    }

    #[test]
    #[should_panic(expected = "shm offset")]
    fn out_of_bounds_words_are_refused() {
        let a = Region::create(8).unwrap();
        let _ = a.word(8);
    }
}
