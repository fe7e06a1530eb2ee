/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 instruction decoder for MMIO exits: the forms device drivers
 * use to reach device registers (MOV, MOVZX, MOVSX, MOVS, STOS).
 */
#ifndef _MYVMX_DECODE_H
#define _MYVMX_DECODE_H

#include <linux/types.h>

#define MYVMX_INSN_MAX		15

enum myvmx_insn_op {
	MYVMX_OP_NONE,
	MYVMX_OP_STORE_REG,	/* mov r/m, reg */
	MYVMX_OP_STORE_IMM,	/* mov r/m, imm */
	MYVMX_OP_LOAD,		/* mov reg, r/m (also moffs forms) */
	MYVMX_OP_LOAD_ZX,	/* movzx reg, r/m8|16 */
	MYVMX_OP_LOAD_SX,	/* movsx reg, r/m8|16 */
	MYVMX_OP_MOVS,		/* movs [ES:rDI], [seg:rSI] */
	MYVMX_OP_STOS,		/* stos [ES:rDI], rAX */
};

struct myvmx_insn {
	enum myvmx_insn_op op;
	u8 len;			/* bytes, prefixes included */
	u8 mem_size;		/* bytes accessed in memory: 1, 2, 4, 8 */
	u8 reg_size;		/* the register operand's size */
	u8 reg;			/* register number 0..15 (AH..BH: 4..7) */
	bool high_byte;		/* reg is AH, CH, DH or BH */
	u8 addr_size;		/* 2, 4, 8 */
	bool rep;		/* F3 (or F2) on MOVS/STOS */
	s8 seg;			/* segment override (ES=0 .. GS=5), or -1 */
	u64 imm;		/* STORE_IMM: the value, sign-extended */
};

/* Code size of the guest: 16-, 32- or 64-bit code segment. */
enum myvmx_cpu_bits {
	MYVMX_BITS_16 = 2,
	MYVMX_BITS_32 = 4,
	MYVMX_BITS_64 = 8,
};

/* What an instruction's prefixes say (myvmx_decode_prefixes). */
struct myvmx_prefixes {
	u8 len;			/* bytes of prefixes, REX included */
	u8 opsize;		/* 0x66 seen */
	u8 addrsize;		/* 0x67 seen */
	u8 rep;			/* 0xf2 or 0xf3 seen */
	u8 rex;			/* the REX byte before the opcode, or 0 */
	s8 seg;			/* segment override (ES=0 .. GS=5), or -1 */
	u8 addr_size;		/* 2, 4, 8: the code's, or 0x67's */
};

int myvmx_decode_prefixes(const u8 *code, unsigned int avail,
			  enum myvmx_cpu_bits bits, struct myvmx_prefixes *px);
int myvmx_decode(const u8 *code, unsigned int avail, enum myvmx_cpu_bits bits,
		 struct myvmx_insn *insn);

#endif /* _MYVMX_DECODE_H */
