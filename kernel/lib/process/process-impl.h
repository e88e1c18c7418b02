/* Private to the process module: the single process's identity. */
#pragma once
#define PROCESS_PID 1
#define PROCESS_PPID 0
struct process_ids { unsigned uid, euid, suid, gid, egid, sgid; };
extern struct process_ids process_ids;
