// Each case is one trap of deriving the map from musl's source (syscall-map/README.md).
import { describe, expect, it } from "vitest";
import { loadSyscallMap } from "../../src/syscall-map/index.js";

const reach = async (fn: string) => (await loadSyscallMap()).functions.get(fn) ?? [];

describe("musl source pitfalls", () => {
  it("pastes syscall names through macros: socketcall(accept, ...) and __sys_open", async () => {
    expect(await reach("socket")).toContain("socket");
    expect(await reach("accept")).toContain("accept");
    expect(await reach("open")).toContain("open");
  });

  it("follows syscall.h's renames to the x86_64 names", async () => {
    expect(await reach("pread")).toContain("pread64");
    expect(await reach("fstatat")).toContain("newfstatat");
    expect(await reach("posix_fadvise")).toEqual(["fadvise64"]);
  });

  it("drops other architectures' fallbacks (mmap2, socketcall, *_time64)", async () => {
    const all = new Set([...(await loadSyscallMap()).functions.values()].flat());
    for (const s of ["mmap2", "socketcall", "clock_gettime64", "fcntl64"]) expect(all.has(s), s).toBe(false);
    expect(await reach("mmap")).toContain("mmap");
  });

  it("reads the x86_64 assembly that replaces C files", async () => {
    expect(await reach("vfork")).toEqual(["vfork"]); // vfork.s: mov $58,%eax
    expect(await reach("pthread_create")).toContain("clone"); // clone.s: mov $56,%al
    expect(await reach("sigaction")).toContain("rt_sigreturn"); // restore.s, by address
  });

  it("resolves FILE operations by field, so fwrite reaches the write path", async () => {
    expect(await reach("fwrite")).toContain("writev");
    expect(await reach("fgets")).toContain("readv");
  });

  it("keeps the cancellation path out of every cancellation point", async () => {
    expect(await reach("read")).toEqual(["read"]);
  });

  it("calls a weak dummy unless the strong one's object is linked", async () => {
    // close.c's weak __aio_close; aio.c's strong one comes only with aio
    expect(await reach("close")).toEqual(["close"]);
    expect(await reach("aio_read")).toContain("tkill");
    // lite malloc until free links mallocng
    expect(await reach("free")).toContain("madvise");
  });
});
