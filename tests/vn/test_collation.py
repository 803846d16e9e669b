import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from parindex.vn import sort_key
from parindex.vn.collation import VIETNAMESE_ALPHABET

# Written down by applying the rules by hand (letter order a ă â b c d đ e ê … o ô ơ … u ư …, tones
# ngang < huyền < hỏi < ngã < sắc < nặng, word by word), never by running sort_key. Each neighbouring
# pair notes in a comment the first difference that orders it, where it is not plain Latin order.
UNITS_IN_ORDER = [
    "Ban Dân tộc",
    "Ban Quản lý các khu công nghiệp",  # các < Khu: c < k, case does not count
    "Ban Quản lý Khu kinh tế",
    "Phường 2",  # numbers before letters, by value
    "Phường 10",
    "Phường An Lạc",
    "Phường Bến Nghé",
    "Phường Dĩ An",
    "Phường Đông Hòa",  # d < đ
    "Phường Đồng Văn",  # same letters: ngang < huyền, before the next word counts
    "Phường Hòa Khánh",
    "Phường Ô Chợ Dừa",  # h < ô
    "Sở Công Thương",
    "Sở Dân tộc và Tôn giáo",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Ngoại vụ",  # ng… < nô…: g < ô (ng is not one letter in the standard order)
    "Sở Nội vụ",  # nôi < nông: i < n
    "Sở Nông nghiệp và Môi trường",
    "Sở Tài chính",  # ta < th: a < h
    "Sở Thông tin và Truyền thông",  # th < tư: h < ư
    "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Xây dựng",
    "Sở Y tế",
    "Thanh tra tỉnh",  # th < tr
    "Trung tâm Phục vụ hành chính công",
    "Ủy ban nhân dân tỉnh",  # t < u
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",  # đ < u
    "Văn phòng UBND tỉnh",
    "Xã An Bình",
    "Xã Ân Thi",  # a < â
    "Xã Ấp Bắc",  # ân < ấp: n < p
    "Xã Dầu Tiếng",  # â < d
    "Xã Đa Kia",  # d < đ
    "Xã Đăk Ơ",  # đa < đăk: a < ă
    "Xã Đắk Mil",  # same letters: ngang < sắc
    "Xã Ea Kar",  # đ < e
    "Xã Ea Súp",
    "Xã Tân Thạnh",  # tân < tấn by tone, before Thạnh/Mỹ are compared
    "Xã Tấn Mỹ",
    "Xã U Minh",
    "Xã Ứng Hòa",  # u < ư
    "Xã Ước Lễ",  # ưn < ươ: n < ơ
]


def vietnamese_sorted(names):
    return sorted(names, key=sort_key)


def test_it_sorts_real_unit_names_in_vietnamese_order():
    shuffled = UNITS_IN_ORDER[:]
    random.Random(2025).shuffle(shuffled)
    assert vietnamese_sorted(shuffled) == UNITS_IN_ORDER


def test_it_sorts_reversed_unit_names_in_vietnamese_order():
    assert vietnamese_sorted(reversed(UNITS_IN_ORDER)) == UNITS_IN_ORDER


@given(st.permutations(UNITS_IN_ORDER))
def test_any_arrangement_of_the_units_sorts_the_same(names):
    assert vietnamese_sorted(names) == UNITS_IN_ORDER


def test_it_orders_the_letters_of_the_vietnamese_alphabet():
    letters = list(VIETNAMESE_ALPHABET)
    assert "".join(letters) == "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
    assert vietnamese_sorted(reversed(letters)) == letters
    capitals = [letter.upper() for letter in letters]
    assert vietnamese_sorted(reversed(capitals)) == capitals


def test_letters_with_shape_marks_follow_their_plain_letter_as_initials():
    words = ["an", "ăn", "ân", "dân", "đan", "en", "ên", "on", "ôn", "ơn", "un", "ưn"]
    assert vietnamese_sorted(reversed(words)) == words


def test_it_orders_tones_as_cldr_vietnamese_does():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    assert vietnamese_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert vietnamese_sorted(["bậng", "bấng", "bẫng", "bẩng", "bầng", "bâng"]) == [
        "bâng",
        "bầng",
        "bẩng",
        "bẫng",
        "bấng",
        "bậng",
    ]


def test_a_letter_difference_outweighs_a_tone_difference():
    assert vietnamese_sorted(["ấn", "ăn", "án"]) == ["án", "ăn", "ấn"]
    assert vietnamese_sorted(["bạc", "bác", "bắc"]) == ["bác", "bạc", "bắc"]


def test_it_compares_word_by_word_like_a_dictionary():
    # Whole-string collation (ICU) would put Bà Rịa first: barịa < batri.
    assert vietnamese_sorted(["Bà Rịa", "Ba Tri"]) == ["Ba Tri", "Bà Rịa"]
    assert vietnamese_sorted(["ba ba", "bà", "ba"]) == ["ba", "ba ba", "bà"]


def test_case_counts_only_when_all_else_is_equal():
    assert vietnamese_sorted(["Bà", "bà", "Ba", "ba"]) == ["ba", "Ba", "bà", "Bà"]
    assert vietnamese_sorted(["an Z", "An A"]) == ["An A", "an Z"]


def test_where_the_tone_mark_sits_does_not_matter():
    assert vietnamese_sorted(["Hoà Bình", "Hòa An"]) == ["Hòa An", "Hoà Bình"]
    assert vietnamese_sorted(["Hòa Bình", "Hoà An"]) == ["Hoà An", "Hòa Bình"]
    assert vietnamese_sorted(["Thuỷ Nguyên", "Thủy An"]) == ["Thủy An", "Thuỷ Nguyên"]


def test_numbers_inside_names_sort_by_value():
    names = ["Phường 1", "Phường 2", "Phường 9", "Phường 10", "Phường 11", "Phường 100"]
    assert vietnamese_sorted(reversed(names)) == names
    assert vietnamese_sorted(["Khu 12", "Khu 3B", "Khu 3A"]) == ["Khu 3A", "Khu 3B", "Khu 12"]


def test_punctuation_only_separates_words():
    assert vietnamese_sorted(["Sở Văn hóa Thể thao", "Sở Văn hóa, Du lịch"]) == [
        "Sở Văn hóa, Du lịch",
        "Sở Văn hóa Thể thao",
    ]


def test_decomposed_and_composed_text_sort_alike():
    for name in UNITS_IN_ORDER:
        assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


def test_a_shorter_name_sorts_before_its_continuations():
    assert vietnamese_sorted(["Sở Y tế tỉnh", "Sở Y tế", "Sở Y"]) == ["Sở Y", "Sở Y tế", "Sở Y tế tỉnh"]
    assert vietnamese_sorted(["", "a"]) == ["", "a"]


@given(st.text())
def test_any_text_gets_a_key(name):
    key = sort_key(name)
    assert key == sort_key(unicodedata.normalize("NFD", name))


@given(st.lists(st.text(alphabet="aăâdđeêoôơuưAĂÂDĐEÊOÔƠUƯ ̣̀̉̃́0123456789-,", max_size=12), max_size=20))
def test_only_names_equal_after_normalisation_share_a_key(names):
    keys = {sort_key(name): unicodedata.normalize("NFC", name) for name in names}
    assert len(keys) == len({unicodedata.normalize("NFC", name) for name in names})
