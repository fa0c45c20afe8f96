package dev.raftops.executor.action;

import dev.raftops.executor.Workplace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of executor actions, each against a {@link Workplace} of its own, closed after it. */
abstract class ActionOnWorkplace {

    @TempDir
    Path dir;
    Workplace w;

    @BeforeEach
    void openWorkplace() throws Exception {
        w = workplace(dir);
    }

    @AfterEach
    void closeWorkplace() throws Exception {
        w.close();
    }

    /** The workplace each test starts with: a rolling cluster ({@link Workplace#rolling}) unless said otherwise. */
    Workplace workplace(Path dir) throws Exception {
        return Workplace.rolling(dir);
    }
}
