// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding the instruction behind an MMIO exit.  The guest-physical
 * address comes with the exit; what the exit does not say is the access's
 * size, direction and register, which is what this decodes.  Only the
 * forms drivers use for device registers are accepted; anything else is
 * -EOPNOTSUPP and ends the run with an internal error, never a guess.
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/bits.h>
#include <linux/export.h>
#include <linux/string.h>

#include "decode.h"

static int myvmx_segment_prefix(u8 b)
{
	switch (b) {
	case 0x26: return 0;	/* ES */
	case 0x2e: return 1;	/* CS */
	case 0x36: return 2;	/* SS */
	case 0x3e: return 3;	/* DS */
	case 0x64: return 4;	/* FS */
	case 0x65: return 5;	/* GS */
	}
	return -1;
}

/*
 * The prefixes at the start of @code as a CPU in @bits mode reads them:
 * legacy prefixes in any order and, in 64-bit code, REX, which counts
 * only right before the opcode.  Fills @px and returns 0, or -EINVAL when
 * the @avail bytes hold nothing but prefixes.
 */
int myvmx_decode_prefixes(const u8 *code, unsigned int avail,
			  enum myvmx_cpu_bits bits, struct myvmx_prefixes *px)
{
	unsigned int i;
	int seg;

	memset(px, 0, sizeof(*px));
	px->seg = -1;
	for (i = 0; i < avail; i++) {
		u8 b = code[i];

		seg = myvmx_segment_prefix(b);
		if (seg >= 0) {
			px->seg = seg;
		} else if (b == 0x66) {
			px->opsize = 1;
		} else if (b == 0x67) {
			px->addrsize = 1;
		} else if (b == 0xf2 || b == 0xf3) {
			px->rep = 1;
		} else if (bits == MYVMX_BITS_64 && (b & 0xf0) == 0x40) {
			px->rex = b;
			continue;
		} else if (b != 0xf0) {		/* LOCK: no effect here */
			break;
		}
		px->rex = 0;
	}
	if (i >= avail)
		return -EINVAL;
	px->len = i;
	if (bits == MYVMX_BITS_64)
		px->addr_size = px->addrsize ? 4 : 8;
	else
		px->addr_size = (bits == MYVMX_BITS_32) ^ px->addrsize ? 4 : 2;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_decode_prefixes);

/* Length of a ModRM operand (ModRM byte, SIB, displacement), or -EINVAL. */
static int myvmx_modrm_len(const u8 *p, unsigned int avail, u8 addr_size)
{
	u8 modrm, mod, rm;
	int len = 1;

	if (avail < 1)
		return -EINVAL;
	modrm = p[0];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod == 3)
		return -EOPNOTSUPP;	/* a register operand: no memory */
	if (addr_size == 2) {
		if (mod == 0 && rm == 6)
			len += 2;
		else
			len += mod == 1 ? 1 : mod == 2 ? 2 : 0;
	} else {
		if (rm == 4) {
			if (avail < 2)
				return -EINVAL;
			len++;
			if (mod == 0 && (p[1] & 7) == 5)
				len += 4;
		} else if (mod == 0 && rm == 5) {
			len += 4;	/* disp32, or RIP-relative */
		}
		len += mod == 1 ? 1 : mod == 2 ? 4 : 0;
	}
	return len <= avail ? len : -EINVAL;
}

static void myvmx_set_reg(struct myvmx_insn *insn,
			  const struct myvmx_prefixes *px, u8 modrm)
{
	insn->reg = ((modrm >> 3) & 7) | (px->rex & 4 ? 8 : 0);
	/* Without REX, byte registers 4..7 are AH, CH, DH, BH. */
	if (insn->reg_size == 1 && !px->rex && insn->reg >= 4) {
		insn->high_byte = true;
		insn->reg -= 4;
	}
}

/*
 * Decode @code (@avail bytes fetched at the guest's RIP) as executed by a
 * CPU in @bits mode.  Fills @insn and returns 0, or returns -EINVAL for a
 * truncated instruction and -EOPNOTSUPP for one outside the MMIO forms.
 */
int myvmx_decode(const u8 *code, unsigned int avail, enum myvmx_cpu_bits bits,
		 struct myvmx_insn *insn)
{
	struct myvmx_prefixes px;
	unsigned int i, opsize, imm_len = 0;
	int mlen;
	u8 op;

	memset(insn, 0, sizeof(*insn));
	if (avail > MYVMX_INSN_MAX)
		avail = MYVMX_INSN_MAX;
	if (myvmx_decode_prefixes(code, avail, bits, &px))
		return -EINVAL;
	i = px.len;
	if (bits == MYVMX_BITS_64)
		opsize = px.rex & 8 ? 8 : px.opsize ? 2 : 4;
	else
		opsize = (bits == MYVMX_BITS_32) ^ px.opsize ? 4 : 2;
	insn->addr_size = px.addr_size;
	insn->seg = px.seg;

	op = code[i++];
	if (op == 0x0f) {
		if (i >= avail)
			return -EINVAL;
		op = code[i++];
		switch (op) {
		case 0xb6: case 0xb7:
			insn->op = MYVMX_OP_LOAD_ZX;
			break;
		case 0xbe: case 0xbf:
			insn->op = MYVMX_OP_LOAD_SX;
			break;
		default:
			return -EOPNOTSUPP;
		}
		insn->mem_size = op & 1 ? 2 : 1;
		insn->reg_size = opsize;
		goto modrm;
	}

	switch (op) {
	case 0x88: case 0x89:
		insn->op = MYVMX_OP_STORE_REG;
		break;
	case 0x8a: case 0x8b:
		insn->op = MYVMX_OP_LOAD;
		break;
	case 0xc6: case 0xc7:
		insn->op = MYVMX_OP_STORE_IMM;
		break;
	case 0xa0: case 0xa1: case 0xa2: case 0xa3:
		/* mov between rAX and a direct offset of the address size */
		insn->op = op & 2 ? MYVMX_OP_STORE_REG : MYVMX_OP_LOAD;
		insn->mem_size = op & 1 ? opsize : 1;
		insn->reg_size = insn->mem_size;
		insn->reg = 0;
		i += insn->addr_size;
		if (i > avail)
			return -EINVAL;
		insn->len = i;
		return 0;
	case 0xa4: case 0xa5: case 0xaa: case 0xab:
		insn->op = op >= 0xaa ? MYVMX_OP_STOS : MYVMX_OP_MOVS;
		insn->mem_size = op & 1 ? opsize : 1;
		insn->reg_size = insn->mem_size;
		insn->rep = px.rep;
		insn->len = i;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
	insn->mem_size = op & 1 ? opsize : 1;
	insn->reg_size = insn->mem_size;

modrm:
	if (i >= avail)
		return -EINVAL;
	if (insn->op == MYVMX_OP_STORE_IMM) {
		if ((code[i] >> 3) & 7)
			return -EOPNOTSUPP;	/* C6/C7 /0 only */
		imm_len = insn->mem_size == 8 ? 4 : insn->mem_size;
	} else {
		myvmx_set_reg(insn, &px, code[i]);
	}
	mlen = myvmx_modrm_len(code + i, avail - i, insn->addr_size);
	if (mlen < 0)
		return mlen;
	i += mlen;
	if (imm_len) {
		u64 imm = 0;
		unsigned int b;

		if (i + imm_len > avail)
			return -EINVAL;
		for (b = 0; b < imm_len; b++)
			imm |= (u64)code[i + b] << (8 * b);
		/* imm32 with REX.W is sign-extended to 64 bits */
		if (imm_len == 4 && insn->mem_size == 8 && (imm & BIT(31)))
			imm |= 0xffffffff00000000ULL;
		insn->imm = imm;
		i += imm_len;
	}
	insn->len = i;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_decode);
