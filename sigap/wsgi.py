import os

from django.core.wsgi import get_wsgi_application

from sigap.channels.ingress import WebhookIngress

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
# Provider webhook POSTs take a lean path to their views; everything else is plain Django.
application = WebhookIngress(get_wsgi_application())
