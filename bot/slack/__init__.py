"""The Slack front door: Bolt app, listeners, delivery of replies through the Web API."""
