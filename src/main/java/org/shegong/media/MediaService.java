package org.shegong.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.shegong.system.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts uploads and removes files. The upload is spooled to a temporary file first (it is read several times:
 * sniffing, header, decoding) and only the checked, re-encoded result reaches the storage, under a random key.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaRepository repository;
    private final MediaStorage storage;
    private final ContentSniffer sniffer;
    private final ImageProcessor images;
    private final MediaProperties limits;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MediaHolds holds;

    MediaService(MediaRepository repository, MediaStorage storage, ContentSniffer sniffer, MediaProperties limits,
                 TransactionTemplate transactions, Clock clock, MediaHolds holds) {
        this.holds = holds;
        this.repository = repository;
        this.storage = storage;
        this.sniffer = sniffer;
        this.images = new ImageProcessor(limits.maxPixels(), Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks, converts and stores an upload; throws {@link UploadRejected} with a message for the uploader. */
    public MediaFile upload(long userId, String uploadedName, InputStream content) throws IOException {
        return upload(userId, uploadedName, content, type -> true, ContentSniffer.REFUSED);
    }

    /**
     * Like {@link #upload(long, String, InputStream)} for a caller that takes only some of the allowed types (an
     * organisation's 投稿 takes no video): a file whose sniffed type fails {@code accepted}, or that no allow-list
     * takes, is refused with {@code refusal} before anything is stored.
     */
    public MediaFile upload(long userId, String uploadedName, InputStream content,
                            java.util.function.Predicate<SniffedType> accepted, String refusal) throws IOException {
        Path spool = Files.createTempFile("shegong-upload-", ".bin");
        try {
            long size = Files.copy(content, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return store(userId, uploadedName, spool, size, true, accepted, refusal);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * Stores a file an import names, with the same checks as an upload but no quota (an operator's import is not
     * a person's); the same bytes imported again answer the file stored the first time.
     */
    public MediaFile importFile(String name, InputStream content) throws IOException {
        Path spool = Files.createTempFile("shegong-import-", ".bin");
        try {
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Optional<MediaFile> existing = repository.bySourceHash(hash);
            if (existing.isPresent()) {
                return existing.get();
            }
            MediaFile file = store(IMPORT_USER, name, spool, size, false, type -> true, ContentSniffer.REFUSED);
            transactions.executeWithoutResult(s -> repository.setSourceHash(file.id(), hash));
            return file;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** The uploader recorded for files an import stored: no person (account ids start at 1). */
    public static final long IMPORT_USER = 0;

    private MediaFile store(long userId, String uploadedName, Path spool, long size, boolean quota,
                            java.util.function.Predicate<SniffedType> accepted, String refusal) throws IOException {
        if (size == 0) {
            throw UploadRejected.badRequest("文件是空的");
        }
        String name = FileNames.sanitise(uploadedName);
        SniffedType type = sniffed(spool, name, refusal);
        if (!accepted.test(type)) {
            throw UploadRejected.badRequest(refusal);
        }
        checkSize(type.kind(), size);
        if (quota) {
            checkQuota(userId, size);
        }
        return type.kind() == MediaKind.IMAGE ? storeImage(userId, name, type, spool) : storeAsIs(userId, name, type, spool, size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SniffedType sniffed(Path spool, String name, String refusal) throws IOException {
        try {
            return sniffer.sniff(spool, name);
        } catch (UploadRejected e) {
            throw ContentSniffer.REFUSED.equals(e.getMessage()) ? UploadRejected.badRequest(refusal) : e;
        }
    }

    private MediaFile storeImage(long userId, String name, SniffedType type, Path spool) throws IOException {
        ImageProcessor.Processed processed = images.process(spool);
        ImageProcessor.Encoded original = processed.original();
        String key = MediaKeys.newKey(original.extension());
        List<String> written = new ArrayList<>();
        try {
            put(key, original, written);
            for (ImageProcessor.Variant variant : processed.variants()) {
                put(MediaKeys.variant(key, "w" + variant.width(), original.extension()), variant.image(), written);
            }
            String widths = processed.variants().stream().map(v -> String.valueOf(v.width()))
                    .collect(Collectors.joining(","));
            long id = transactions.execute(s -> repository.insert(key, type, original.contentType(),
                    renamed(name, original.extension()), original.bytes().length, processed.width(), processed.height(),
                    widths.isEmpty() ? null : widths, userId, clock.instant()));
            return repository.find(id).orElseThrow();
        } catch (IOException | RuntimeException e) {
            removeQuietly(written);
            throw e;
        }
    }

    private MediaFile storeAsIs(long userId, String name, SniffedType type, Path spool, long size) throws IOException {
        String key = MediaKeys.newKey(type.extension());
        try (InputStream in = Files.newInputStream(spool)) {
            storage.put(key, in, size, type.contentType());
        }
        try {
            long id = transactions.execute(s -> repository.insert(key, type, type.contentType(),
                    renamed(name, type.extension()), size, null, null, null, userId, clock.instant()));
            return repository.find(id).orElseThrow();
        } catch (RuntimeException e) {
            removeQuietly(List.of(key));
            throw e;
        }
    }

    /**
     * Removes a file nothing uses: no live or withdrawn article, no draft or change waiting for review, no 投稿.
     * Only its uploader or an administrator may.
     */
    public void delete(long userId, boolean administrator, long mediaId) throws IOException {
        MediaFile file = repository.find(mediaId).orElseThrow(() -> new MediaNotFound(mediaId));
        if (file.uploadedBy() != userId && !administrator) {
            throw new MediaForbidden("只能删除自己上传的文件");
        }
        if (!repository.usedBy(mediaId).isEmpty()) {
            throw UploadRejected.badRequest("文件仍被文章使用，不能删除");
        }
        List<MediaHolds.Hold> held = holds.of(file);
        if (!held.isEmpty()) {
            throw UploadRejected.badRequest("文件仍被使用，不能删除：" + MediaHolds.describe(held));
        }
        transactions.executeWithoutResult(s -> repository.delete(mediaId));
        removeQuietly(file.storedKeys());
    }

    /** The stored files a body refers to (images, attachments, videos), in the order they first appear. */
    public List<MediaFile> referencedBy(String bodyHtml) {
        java.util.Set<String> keys = MediaUsage.referencedKeys(bodyHtml);
        if (keys.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, MediaFile> byKey = new java.util.HashMap<>();
        repository.byKeys(keys).forEach(file -> byKey.put(file.storageKey(), file));
        return keys.stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
    }

    public long storedBy(long userId) {
        return repository.storedBy(userId);
    }

    private void checkSize(MediaKind kind, long size) {
        long max = switch (kind) {
            case IMAGE -> limits.maxImage().toBytes();
            case ATTACHMENT -> limits.maxAttachment().toBytes();
            case VIDEO -> limits.maxVideo().toBytes();
        };
        if (size > max) {
            throw UploadRejected.tooLarge(kind.label() + "不能超过 " + megabytes(max) + "，这个文件有 " + megabytes(size));
        }
    }

    private void checkQuota(long userId, long size) {
        long used = repository.storedBy(userId);
        long quota = limits.quotaPerUser().toBytes();
        if (used + size > quota) {
            throw UploadRejected.tooLarge("已用 " + megabytes(used) + "，每人最多 " + megabytes(quota)
                    + "。请先删除不再使用的文件，或请管理员调整限额");
        }
    }

    static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** The download keeps the uploaded name but ends in the extension of what is actually stored. */
    static String renamed(String name, String extension) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "." + extension;
    }

    private void put(String key, ImageProcessor.Encoded encoded, List<String> written) throws IOException {
        storage.put(key, new ByteArrayInputStream(encoded.bytes()), encoded.bytes().length, encoded.contentType());
        written.add(key);
    }

    private void removeQuietly(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove media object {}", key, e);
            }
        }
    }

    /** No file with that id. */
    public static class MediaNotFound extends Refusal {
        MediaNotFound(long id) {
            super(Kind.NOT_FOUND, "文件不存在");
        }
    }

    /** The person may not do this to that file. */
    public static class MediaForbidden extends Refusal {
        MediaForbidden(String message) {
            super(Kind.FORBIDDEN, message);
        }
    }
}
