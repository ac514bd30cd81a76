package dev.migrate.autogen.entity.springdata.nested;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A list of entities without ids that hold lists of their own: the grandchild's key takes its parent's key. */
@Table
public class Survey {
    @Id
    public Integer id;

    public String title;
    public List<Question> questions = new ArrayList<>();

    public static class Question {
        public String text;
        public List<Answer> answers = new ArrayList<>();
    }

    public static class Answer {
        public String text;
    }
}
