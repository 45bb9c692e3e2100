"""The framework floor for `make bench`: the smallest Flask app, same gunicorn settings."""
from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)

    @app.get("/")
    def hello():
        return "hello"

    return app
