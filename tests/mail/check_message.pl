#!/usr/bin/perl
# Reads a message with Perl's Email::MIME (Debian: libemail-mime-perl), a
# MIME parser independent of Python's email package, and checks that it
# reads what check_message.py reads.
#
#     check_message.pl MESSAGE.eml EXPECTED.json
#
# EXPECTED is the file check_message.py takes: "headers" (name -> decoded
# value, or for an address header {"name": display name, "address":
# address}), "text" and "html" (the decoded parts, compared with line ends
# normalised). Address headers are split into mailboxes before their
# display names are decoded (Email::Address::XS), so an encoded comma or
# quote stays part of the name. Exits 0 when all agree, else prints each
# difference and exits 1.
use strict;
use warnings;
use utf8;
use Email::MIME;
use JSON::PP;

binmode STDOUT, ':encoding(UTF-8)';

my ($path, $expected_path) = @ARGV;
die "usage: check_message.pl MESSAGE.eml EXPECTED.json\n" unless defined $expected_path;

sub slurp {
	my ($file) = @_;
	open my $in, '<:raw', $file or die "$file: $!\n";
	local $/;
	return scalar <$in>;
}

my $message = Email::MIME->new(slurp($path));
my $expected = JSON::PP->new->utf8->decode(slurp($expected_path));
my @problems;

for my $name (sort keys %{ $expected->{headers} }) {
	my $want = $expected->{headers}{$name};
	my @raw = $message->header_raw($name);
	if (!@raw) {
		push @problems, "missing header $name";
		next;
	}
	if (ref $want eq 'HASH') {
		my ($list) = $message->header_as_obj($name);
		my @got = map { [$_->phrase // '', $_->address // ''] } $list->addresses;
		if (@got != 1 || $got[0][0] ne $want->{name} || $got[0][1] ne $want->{address}) {
			push @problems, sprintf("%s is [%s], expected [\"%s\" <%s>]", $name,
				join(', ', map { "\"$_->[0]\" <$_->[1]>" } @got), $want->{name}, $want->{address});
		}
	}
	else {
		my $got = $message->header_str($name);
		push @problems, "$name is \"$got\", expected \"$want\"" if $got ne $want;
	}
}

my %parts;
$message->walk_parts(sub {
	my ($part) = @_;
	return if $part->subparts;
	my ($type) = split /;/, $part->content_type // '';
	$parts{lc $type} = $part;
});
for my $kind (['text/plain', 'text'], ['text/html', 'html']) {
	my ($type, $key) = @$kind;
	my $part = $parts{$type};
	if (!$part) {
		push @problems, "no $type part";
		next;
	}
	my $got = $part->body_str;
	my $want = $expected->{$key};
	s/\r\n/\n/g for $got, $want;
	push @problems, "$type differs:\n--- got\n$got\n--- expected\n$want" if $got ne $want;
}

print "$_\n" for @problems;
exit(@problems ? 1 : 0);
