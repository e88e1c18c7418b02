/* CPU tables (arch/x86_64/cpu.c). */
#pragma once
void cpu_init(void);
/* Installs an interrupt gate; handler is assembly ending in iretq. */
void cpu_set_irq_gate(int vector, void (*handler)(void));
