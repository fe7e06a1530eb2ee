// SPDX-License-Identifier: GPL-2.0
/*
 * Reading and writing guest memory for emulation: guest-physical through
 * the VM's pinned pages, guest-linear through the guest's own page tables
 * (none, 32-bit, PAE or 4-level, as its CR0/CR4/EFER say).
 */
#include <linux/highmem.h>
#include <linux/mm.h>

#include "vmm.h"

static int myvmx_access_gpa(struct myvmx_vm *vm, u64 gpa, void *buf,
			    unsigned int len, bool write)
{
	while (len) {
		struct myvmx_region *r = myvmx_find_region(vm, gpa);
		unsigned int off = offset_in_page(gpa);
		unsigned int n = min_t(unsigned int, len, PAGE_SIZE - off);
		struct page *page;
		void *p;

		if (!r)
			return -EFAULT;
		page = r->pages[(gpa - r->gpa) >> PAGE_SHIFT];
		p = kmap_local_page(page);
		/*
		 * No set_page_dirty_lock() here: it may sleep, and emulation
		 * runs with preemption off.  The guest writes its pages
		 * through EPT or NPT anyway, unseen; every page is marked
		 * dirty when it is unpinned (myvmx_region_release).
		 */
		if (write)
			memcpy(p + off, buf, n);
		else
			memcpy(buf, p + off, n);
		kunmap_local(p);
		gpa += n;
		buf += n;
		len -= n;
	}
	return 0;
}

int myvmx_read_gpa(struct myvmx_vm *vm, u64 gpa, void *buf, unsigned int len)
{
	return myvmx_access_gpa(vm, gpa, buf, len, false);
}
EXPORT_SYMBOL_GPL(myvmx_read_gpa);

int myvmx_write_gpa(struct myvmx_vm *vm, u64 gpa, const void *buf,
		    unsigned int len)
{
	return myvmx_access_gpa(vm, gpa, (void *)buf, len, true);
}
EXPORT_SYMBOL_GPL(myvmx_write_gpa);

#define PTE_P		BIT_ULL(0)
#define PTE_PS		BIT_ULL(7)
#define PTE_ADDR	0x000ffffffffff000ULL

/* Translate @gva the way the guest's MMU would; -EFAULT if not present. */
int myvmx_gva_to_gpa(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		     u64 gva, u64 *gpa)
{
	struct myvmx_vm *vm = vcpu->vm;
	int levels, level;
	u64 table, entry;

	if (!(m->cr0 & X86_CR0_PG)) {
		*gpa = gva & 0xffffffffULL;
		return 0;
	}
	if (!(m->cr4 & X86_CR4_PAE)) {
		u32 e32;

		/* 32-bit paging: 10 + 10 + 12, 4 MiB pages with PSE. */
		table = m->cr3 & 0xfffff000ULL;
		if (myvmx_read_gpa(vm, table + ((gva >> 22) & 1023) * 4, &e32,
				   4) || !(e32 & PTE_P))
			return -EFAULT;
		if ((e32 & PTE_PS) && (m->cr4 & X86_CR4_PSE)) {
			*gpa = (e32 & 0xffc00000ULL) | (gva & 0x3fffff);
			return 0;
		}
		table = e32 & 0xfffff000ULL;
		if (myvmx_read_gpa(vm, table + ((gva >> 12) & 1023) * 4, &e32,
				   4) || !(e32 & PTE_P))
			return -EFAULT;
		*gpa = (e32 & 0xfffff000ULL) | (gva & 0xfff);
		return 0;
	}
	if (m->efer & EFER_LMA) {
		levels = 4;
		table = m->cr3 & PTE_ADDR;
	} else {
		/* PAE: four PDPTEs at CR3, then two levels. */
		if (myvmx_read_gpa(vm, (m->cr3 & 0xffffffe0ULL) +
				   ((gva >> 30) & 3) * 8, &entry, 8) ||
		    !(entry & PTE_P))
			return -EFAULT;
		levels = 2;
		table = entry & PTE_ADDR;
	}
	for (level = levels; level > 0; level--) {
		unsigned int shift = 12 + 9 * (level - 1);

		if (myvmx_read_gpa(vm, table + ((gva >> shift) & 511) * 8,
				   &entry, 8) || !(entry & PTE_P))
			return -EFAULT;
		if (level == 1 || ((entry & PTE_PS) && level <= 3)) {
			u64 mask = (1ULL << shift) - 1;

			*gpa = (entry & PTE_ADDR & ~mask) | (gva & mask);
			return 0;
		}
		table = entry & PTE_ADDR;
	}
	return -EFAULT;
}

static int myvmx_access_gva(struct myvmx_vcpu *vcpu,
			    const struct myvmx_cpu_mode *m, u64 gva, void *buf,
			    unsigned int len, bool write)
{
	while (len) {
		unsigned int n = min_t(unsigned int, len,
				       PAGE_SIZE - offset_in_page(gva));
		u64 gpa;
		int err;

		err = myvmx_gva_to_gpa(vcpu, m, gva, &gpa);
		if (!err)
			err = myvmx_access_gpa(vcpu->vm, gpa, buf, n, write);
		if (err)
			return err;
		gva += n;
		buf += n;
		len -= n;
	}
	return 0;
}

int myvmx_read_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		   u64 gva, void *buf, unsigned int len)
{
	return myvmx_access_gva(vcpu, m, gva, buf, len, false);
}

int myvmx_write_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		    u64 gva, const void *buf, unsigned int len)
{
	return myvmx_access_gva(vcpu, m, gva, (void *)buf, len, true);
}
