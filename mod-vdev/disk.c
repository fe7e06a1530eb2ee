// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-blk requests over a host file (a regular file or a block
 * device): read, write, flush and the device's id, done synchronously
 * through a bounce buffer.  A chain is a request header the device reads,
 * data, and a status byte at the end of what the device writes.  A
 * request outside the disk, a write to a read-only disk, a header too
 * short or buffers that are not the guest's end with VIRTIO_BLK_S_IOERR;
 * a chain with nothing writable gets no status at all (used length 0).
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "disk.h"

/*
 * @file becomes the disk (the caller's reference): it must be open for
 * reading and not for appending; read-only also when not open for writing.
 */
int myvdev_disk_open(struct myvdev_disk *d, struct file *file,
		     bool read_only, const char *id)
{
	umode_t mode = file_inode(file)->i_mode;

	memset(d, 0, sizeof(*d));
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if ((!S_ISREG(mode) && !S_ISBLK(mode)) || (file->f_flags & O_APPEND))
		return -EINVAL;
	d->bounce = kvmalloc(MYVDEV_DISK_BOUNCE, GFP_KERNEL_ACCOUNT);
	if (!d->bounce)
		return -ENOMEM;
	d->file = file;
	d->read_only = read_only || !(file->f_mode & FMODE_WRITE);
	d->capacity = i_size_read(file->f_mapping->host) >> MYVDEV_DISK_SECTOR;
	strscpy_pad(d->id, id, sizeof(d->id));
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_disk_open);

/* The bounce buffer goes; the file stays the caller's. */
void myvdev_disk_close(struct myvdev_disk *d)
{
	kvfree(d->bounce);
	d->bounce = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_disk_close);

/* Move @len bytes at byte @pos of the disk to or from the chain. */
static int myvdev_disk_rw(struct myvdev_disk *d, const struct myvdev_gmem *mem,
			  const struct myvdev_vq_chain *c, bool write,
			  loff_t pos, u64 chain_offset, u64 len)
{
	u64 done;

	for (done = 0; done < len; done += MYVDEV_DISK_BOUNCE) {
		unsigned int n = min_t(u64, len - done, MYVDEV_DISK_BOUNCE);

		if (write) {
			if (myvdev_vq_copy_out(mem, c, chain_offset + done,
					       d->bounce, n) ||
			    kernel_write(d->file, d->bounce, n, &pos) != n)
				return -EIO;
		} else {
			if (kernel_read(d->file, d->bounce, n, &pos) != n ||
			    myvdev_vq_copy_in(mem, c, chain_offset + done,
					      d->bounce, n))
				return -EIO;
		}
		cond_resched();
	}
	return 0;
}

/* Whether @len bytes at @sector lie on the disk. */
static bool myvdev_disk_in_range(struct myvdev_disk *d, u64 sector, u64 len)
{
	return sector <= d->capacity &&
	       len <= (d->capacity - sector) << MYVDEV_DISK_SECTOR;
}

/* The request of @hdr: its status; @*data, the bytes for the guest. */
static u8 myvdev_disk_serve(struct myvdev_disk *d,
			    const struct myvdev_gmem *mem,
			    const struct myvdev_vq_chain *c,
			    const struct virtio_blk_outhdr *hdr, u64 *data)
{
	u64 sector = le64_to_cpu(hdr->sector);
	u64 len;

	*data = 0;
	switch (le32_to_cpu(hdr->type)) {
	case VIRTIO_BLK_T_IN:
		len = c->in_len - 1;
		if (!myvdev_disk_in_range(d, sector, len) ||
		    myvdev_disk_rw(d, mem, c, false,
				   sector << MYVDEV_DISK_SECTOR, 0, len))
			return VIRTIO_BLK_S_IOERR;
		d->stats.reads++;
		d->stats.read_bytes += len;
		*data = len;
		return VIRTIO_BLK_S_OK;
	case VIRTIO_BLK_T_OUT:
		len = c->out_len - sizeof(*hdr);
		if (d->read_only || !myvdev_disk_in_range(d, sector, len) ||
		    myvdev_disk_rw(d, mem, c, true,
				   sector << MYVDEV_DISK_SECTOR, sizeof(*hdr),
				   len))
			return VIRTIO_BLK_S_IOERR;
		d->stats.writes++;
		d->stats.written_bytes += len;
		return VIRTIO_BLK_S_OK;
	case VIRTIO_BLK_T_FLUSH:
		d->stats.flushes++;
		return vfs_fsync(d->file, 0) ? VIRTIO_BLK_S_IOERR :
					       VIRTIO_BLK_S_OK;
	case VIRTIO_BLK_T_GET_ID:
		len = min_t(u64, c->in_len - 1, sizeof(d->id));
		if (myvdev_vq_copy_in(mem, c, 0, d->id, len))
			return VIRTIO_BLK_S_IOERR;
		*data = len;
		return VIRTIO_BLK_S_OK;
	}
	return VIRTIO_BLK_S_UNSUPP;
}

/* Serve @chain; returns the bytes written into it (the used length). */
u32 myvdev_disk_request(struct myvdev_disk *d, const struct myvdev_gmem *mem,
			const struct myvdev_vq_chain *chain)
{
	struct virtio_blk_outhdr hdr;
	u64 data = 0;
	u8 status;

	if (!chain->in_len)
		return 0;		/* nowhere to say how it went */
	if (chain->out_len < sizeof(hdr) ||
	    myvdev_vq_copy_out(mem, chain, 0, &hdr, sizeof(hdr)))
		status = VIRTIO_BLK_S_IOERR;
	else
		status = myvdev_disk_serve(d, mem, chain, &hdr, &data);
	if (status != VIRTIO_BLK_S_OK)
		d->stats.errors++;
	if (myvdev_vq_copy_in(mem, chain, chain->in_len - 1, &status, 1))
		return 0;
	return data + 1;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_disk_request);
