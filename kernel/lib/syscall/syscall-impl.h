#pragma once
/* Numbers up to this bound get a once-only "@unsupported" report. */
#define SYSCALL_REPORT_MAX 1024
