package dev.raftops.executor.storage;

import dev.raftops.executor.ActionFailure;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Object-store errors as the executor reports them: what to fix (exit 2) or worth retrying (exit 1). */
final class StorageErrors {

    private StorageErrors() {
    }

    static ActionFailure of(SdkException e, String what, String bucket) {
        if (e instanceof NoSuchBucketException
                || e instanceof S3Exception s && s.awsErrorDetails() != null && "NoSuchBucket".equals(s.awsErrorDetails().errorCode())) {
            return ActionFailure.refused("bucket \"" + bucket + "\" does not exist (" + what + "); create it or fix RAFTOPS_TARGET_BUCKET");
        }
        if (e instanceof S3Exception s) {
            String code = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
            String detail = what + " in bucket \"" + bucket + "\" failed: HTTP " + s.statusCode() + (code == null ? "" : " " + code);
            if (s.statusCode() == 401 || s.statusCode() == 403) {
                return ActionFailure.refused(detail + "; check the object-store credentials and their permissions");
            }
            return s.statusCode() == 429 || s.statusCode() >= 500 ? ActionFailure.retryable(detail) : ActionFailure.refused(detail);
        }
        if (e instanceof SdkClientException) {
            return ActionFailure.retryable("object storage unreachable (" + what + "): " + firstLine(e.getMessage()), e);
        }
        return ActionFailure.retryable(what + " failed: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
