// SPDX-License-Identifier: GPL-2.0
/*
 * Hardware virtualization on every CPU, whatever the backend: the first
 * VM turns it on everywhere, the last one turns it off; a CPU coming
 * online while VMs exist joins, one going offline leaves first.  The
 * backend's cpu_enable refuses (-EBUSY) when another hypervisor already
 * owns the CPU's virtualization.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/mutex.h>
#include <linux/percpu.h>

#include "vmm.h"

static DEFINE_MUTEX(myvmx_cpu_lock);
static unsigned int myvmx_cpu_users;	/* VMs alive */
static enum cpuhp_state myvmx_hp_state;
static DEFINE_PER_CPU(bool, myvmx_cpu_on);

/* Turn virtualization on here; runs with interrupts off. */
static int myvmx_cpu_enable(void)
{
	int err;

	if (this_cpu_read(myvmx_cpu_on))
		return 0;
	err = myvmx_backend->cpu_enable();
	if (!err)
		this_cpu_write(myvmx_cpu_on, true);
	return err;
}

static void myvmx_cpu_disable(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (this_cpu_read(myvmx_cpu_on)) {
		myvmx_backend->cpu_disable();
		this_cpu_write(myvmx_cpu_on, false);
	}
	local_irq_restore(flags);
}

static void myvmx_cpu_enable_ipi(void *failed)
{
	if (myvmx_cpu_enable())
		atomic_inc(failed);
}

static void myvmx_cpu_disable_ipi(void *unused)
{
	myvmx_cpu_disable();
}

/* A VM is being created: virtualization on every online CPU. */
int myvmx_hw_get(void)
{
	atomic_t failed = ATOMIC_INIT(0);
	int err = 0;

	cpus_read_lock();
	mutex_lock(&myvmx_cpu_lock);
	if (!myvmx_cpu_users) {
		on_each_cpu(myvmx_cpu_enable_ipi, &failed, 1);
		if (atomic_read(&failed)) {
			on_each_cpu(myvmx_cpu_disable_ipi, NULL, 1);
			err = -EBUSY;
		}
	}
	if (!err)
		myvmx_cpu_users++;
	mutex_unlock(&myvmx_cpu_lock);
	cpus_read_unlock();
	return err;
}

void myvmx_hw_put(void)
{
	cpus_read_lock();
	mutex_lock(&myvmx_cpu_lock);
	if (!--myvmx_cpu_users)
		on_each_cpu(myvmx_cpu_disable_ipi, NULL, 1);
	mutex_unlock(&myvmx_cpu_lock);
	cpus_read_unlock();
}

static int myvmx_cpu_online(unsigned int cpu)
{
	int err = 0;

	mutex_lock(&myvmx_cpu_lock);
	if (myvmx_cpu_users) {
		local_irq_disable();
		err = myvmx_cpu_enable();
		local_irq_enable();
	}
	mutex_unlock(&myvmx_cpu_lock);
	return err;
}

static int myvmx_cpu_offline(unsigned int cpu)
{
	myvmx_cpu_disable();
	return 0;
}

int myvmx_cpu_init(void)
{
	int ret;

	ret = myvmx_backend->cpu_setup();
	if (ret)
		return ret;
	ret = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "myvmx:online",
					myvmx_cpu_online, myvmx_cpu_offline);
	if (ret < 0) {
		myvmx_backend->cpu_teardown();
		return ret;
	}
	myvmx_hp_state = ret;
	return 0;
}

void myvmx_cpu_exit(void)
{
	cpuhp_remove_state_nocalls(myvmx_hp_state);
	myvmx_backend->cpu_teardown();
}
