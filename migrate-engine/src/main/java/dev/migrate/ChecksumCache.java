package dev.migrate;

import java.util.Map;

/**
 * Checksums of migrations computed before from the same compiled code, so that a run can verify
 * applied migrations without loading and recording each of them. A build tool that can tell the
 * code has not changed (by the bytes of the classes) keeps one; {@link #NONE} always computes:
 * {@code Migrator.builder().checksumCache(ChecksumCache.NONE)}.
 */
public interface ChecksumCache {
    /** Keeps nothing, the default: {@code Migrator.builder().checksumCache(ChecksumCache.NONE)}. */
    ChecksumCache NONE = new ChecksumCache() {
        @Override
        public Map<String, String> checksums() {
            return Map.of();
        }

        @Override
        public void store(Map<String, String> checksums) {}
    };

    /**
     * Revision id to the checksum its migration's current code gives, as kept:
     * {@code ChecksumCache.NONE.checksums().isEmpty()}.
     *
     * @return the kept checksums; empty when the code changed since they were kept
     */
    Map<String, String> checksums();

    /**
     * Keeps the checksums of the current code, replacing what was kept, after a successful run that
     * learned a checksum the cache did not give:
     * {@code ChecksumCache.NONE.store(java.util.Map.of())}.
     *
     * @param checksums revision id to checksum
     */
    void store(Map<String, String> checksums);
}
