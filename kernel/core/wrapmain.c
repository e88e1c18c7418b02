/* Linked with --wrap=main: marks the moment the app's main starts. */
#include "diag.h"

int __real_main(int argc, char **argv, char **envp);

int __wrap_main(int argc, char **argv, char **envp) {
  diag_puts("@main\n");
  return __real_main(argc, argv, envp);
}
