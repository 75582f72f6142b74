package com.turnstileadmin.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class PagingTest {

    private static final Paging DEFAULTS = new Paging(1, 25);

    @Test
    void absentNumbersAreTheFirstPageAtTheDefaultSize() {
        assertThat(QueryBinding.bind(Paging.class, Map.of())).isEqualTo(DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource({ "page, -1", "page, abc", "page, 0", "page, 1.5", "page, 9999999999", "page, 0x10", "page, ''",
            "page, ' 3'", "size, 7", "size, abc", "size, -25", "size, ''" })
    void aNumberThatCannotBeReadOrIsNotOfferedFallsBackToItsDefault(String parameter, String value) {
        assertThat(QueryBinding.bind(Paging.class, Map.of(parameter, value))).isEqualTo(DEFAULTS);
    }

    @Test
    void wellFormedNumbersAreKeptAndAPageFarPastAnyEndIsCapped() {
        assertThat(QueryBinding.bind(Paging.class, Map.of("page", "3", "size", "50"))).isEqualTo(new Paging(3, 50));
        assertThat(QueryBinding.bind(Paging.class, Map.of("page", "100001")).page()).isEqualTo(Paging.MAX_PAGE);
    }

    @Test
    void aRepeatedParameterCountsByItsFirstValue() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addParameter("page", "4", "7");
        request.addParameter("size", "x", "50");

        assertThat(QueryBinding.bind(Paging.class, request)).isEqualTo(new Paging(4, 25));
    }

    @Test
    void theOffsetCountsTheEntriesOfThePagesBefore() {
        assertThat(new Paging(1, 25).offset()).isZero();
        assertThat(new Paging(Paging.MAX_PAGE, 100).offset()).isEqualTo(9_999_900L);
    }

}
