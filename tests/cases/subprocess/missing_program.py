# An uncaught FileNotFoundError for a program that does not exist.
import subprocess

subprocess.check_output(["no_such_program_for_gilvm"])
