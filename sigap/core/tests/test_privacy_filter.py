from django.template import Context, Template


def test_filter_masks_phone_and_email_only_when_asked():
    template = Template(
        "{% load privacy %}{{ text|personal_data_masked }}|{{ text|personal_data_masked:False }}"
    )
    text = "hubungi saya di 0812-3456-7890 atau budi.santoso@gmail.com"
    masked, plain = template.render(Context({"text": text})).split("|")
    assert "0812-3456-7890" not in masked and "budi.santoso@" not in masked
    assert masked.endswith("@gmail.com") and "90" in masked
    assert plain == text
