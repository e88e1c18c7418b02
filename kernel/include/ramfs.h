/* ramfs: the in-memory root file system (kernel/lib/ramfs). */
#pragma once
#include "vfs.h"

/* A new, empty ramfs instance (its root directory has the given mode). */
struct vfs_mount *ramfs_new(uint32_t root_mode);
