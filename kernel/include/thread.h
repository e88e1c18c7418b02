/* Threads (kernel/lib/thread): what other modules may ask. */
#pragma once

/* 1 if tid names a live thread of the app (the main thread's tid is the pid). */
int thread_exists(int tid);
