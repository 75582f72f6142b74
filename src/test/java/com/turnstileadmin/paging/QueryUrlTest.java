package com.turnstileadmin.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryUrlTest {

    @Test
    void onlyWhatDiffersFromTheDefaultsIsInTheQueryInTheOrderAdded() {
        assertThat(QueryUrl.of("/list").with("b", "").with("a", "x").with(new Paging(1, 25))).hasToString("/list?a=x");
        assertThat(QueryUrl.of("/list").with("z", "1").with("a", "2").with(new Paging(3, 50)))
            .hasToString("/list?z=1&a=2&size=50&page=3");
        assertThat(QueryUrl.of("/list")).hasToString("/list");
    }

    @Test
    void everyCharacterOfAValueSurvivesStrictlyEncoded() {
        assertThat(QueryUrl.of("/list").with("q", "50% off + free & fast #1 {x}=?/"))
            .hasToString("/list?q=50%25%20off%20%2B%20free%20%26%20fast%20%231%20%7Bx%7D%3D%3F%2F");
    }

}
