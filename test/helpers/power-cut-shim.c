/*
 * A disk that loses what was not synced, modelled in user space for test/power-cut.test.ts.
 *
 * Loaded with LD_PRELOAD into a disco process, it wraps fsync and fdatasync (what RocksDB and
 * Node's fs call to make data durable). Under the folder POWERCUT_ROOT it records, at each sync,
 * what a disk would then hold for certain:
 *
 * - a file synced: its whole content, by identity, in POWERCUT_SHADOW/data/<identity>;
 * - a directory synced: its entries (name, identity, file or folder), in
 *   POWERCUT_SHADOW/dirs/<identity of the directory>.
 *
 * A file's identity is its inode and its birth time (`<inode>-<birth time in ns>`), not its inode
 * alone: the filesystem hands a deleted file's inode to the next file made, and RocksDB deletes and
 * makes files all the time (a deleted MANIFEST's inode came back as the next table file). Keyed by
 * inode, a never-synced new file would come back from the cut holding the synced content of the
 * deleted one; a disk gives it nothing of the kind. A rename keeps the identity, as it keeps the file.
 *
 * Nothing else is recorded: a write never synced, a file created or renamed in a directory that
 * was not synced after, is what a power cut may lose, and the image the test builds from the
 * shadow (what the disk holds after the cut) leaves it out. Each record is written to a temporary
 * file and renamed, so a process killed in the middle of one leaves the previous record.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int under_root (int fd) {
  const char *root = getenv("POWERCUT_ROOT");
  if (root == NULL) return 0;
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n < 0) return 0;
  path[n] = 0;
  size_t r = strlen(root);
  return strncmp(path, root, r) == 0 && (path[r] == '/' || path[r] == 0);
}

/* writes `len` bytes to a temporary file beside `dest`, then renames it over `dest` */
static void put (const char *dest, const char *bytes, size_t len) {
  char tmp[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s.tmp", dest);
  int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (out < 0) return;
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(out, bytes + done, len - done);
    if (w <= 0) break;
    done += (size_t)w;
  }
  close(out);
  rename(tmp, dest);
}

/* `<inode>-<birth time in ns>`: what the test's side computes from a BigInt stat (power-cut.test.ts) */
static void identity (const struct statx *st, char *out, size_t size) {
  unsigned long long born = (unsigned long long)st->stx_btime.tv_sec * 1000000000ULL + st->stx_btime.tv_nsec;
  snprintf(out, size, "%llu-%llu", (unsigned long long)st->stx_ino, born);
}

static void record_file (int fd, const struct statx *st) {
  char dest[PATH_MAX], id[64];
  identity(st, id, sizeof id);
  snprintf(dest, sizeof dest, "%s/data/%s", getenv("POWERCUT_SHADOW"), id);
  /* the synced descriptor may be write-only: read the file through a descriptor of our own */
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  int in = open(link, O_RDONLY);
  if (in < 0) return;
  size_t len = (size_t)st->stx_size;
  char *bytes = malloc(len > 0 ? len : 1);
  if (bytes == NULL) { close(in); return; }
  size_t got = 0;
  while (got < len) {
    ssize_t r = pread(in, bytes + got, len - got, (off_t)got);
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(in);
  put(dest, bytes, got);
  free(bytes);
}

static void record_dir (int fd, const struct statx *st) {
  char dest[PATH_MAX], id[64];
  identity(st, id, sizeof id);
  snprintf(dest, sizeof dest, "%s/dirs/%s", getenv("POWERCUT_SHADOW"), id);
  int copy = openat(fd, ".", O_RDONLY | O_DIRECTORY);
  if (copy < 0) return;
  DIR *dir = fdopendir(copy);
  if (dir == NULL) { close(copy); return; }
  size_t cap = 4096, len = 0;
  char *text = malloc(cap);
  struct dirent *e;
  while (text != NULL && (e = readdir(dir)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    struct statx es;
    if (statx(copy, e->d_name, AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_INO | STATX_BTIME, &es) != 0) continue;
    char line[PATH_MAX + 128], eid[64];
    identity(&es, eid, sizeof eid);
    int n = snprintf(line, sizeof line, "%c %s %s\n", S_ISDIR(es.stx_mode) ? 'd' : 'f', eid, e->d_name);
    if (len + (size_t)n + 1 > cap) { cap = 2 * (len + (size_t)n + 1); text = realloc(text, cap); if (text == NULL) break; }
    memcpy(text + len, line, (size_t)n);
    len += (size_t)n;
  }
  closedir(dir);
  if (text != NULL) { put(dest, text, len); free(text); }
}

static void record (int fd) {
  if (getenv("POWERCUT_SHADOW") == NULL || !under_root(fd)) return;
  struct statx st;
  if (statx(fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_INO | STATX_SIZE | STATX_BTIME, &st) != 0) return;
  pthread_mutex_lock(&lock);
  if (S_ISREG(st.stx_mode)) record_file(fd, &st);
  else if (S_ISDIR(st.stx_mode)) record_dir(fd, &st);
  pthread_mutex_unlock(&lock);
}

/* The record is taken when the sync is asked for: what was written before the call is what the
 * sync makes durable (a write made meanwhile by another thread may or may not be; the record
 * leaves it out). A process killed between the record and the real sync's return is a sync that
 * completed: the model's disk never fails a sync. */
int fsync (int fd) {
  static int (*real)(int) = NULL;
  if (real == NULL) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  record(fd);
  return real(fd);
}

int fdatasync (int fd) {
  static int (*real)(int) = NULL;
  if (real == NULL) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  record(fd);
  return real(fd);
}
